import { type Finding, formatPosition } from '../../catalog/diagnostic.ts'

export function formatText(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const head = `${formatPosition(f)}: ${f.severity} [${f.rule}] ${f.message}`
      return f.hint ? `${head}\n  hint: ${f.hint}\n` : `${head}\n`
    })
    .join('')
}

export function summary(findings: readonly Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')]
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${plural(infos, 'note')}` : ''}`
}
