// errcat docs: applies the reader's chosen colour theme before the first
// paint, so a dark-theme reader never sees a white flash. Loaded in <head>.
try {
  const theme = localStorage.getItem('errcat-theme')
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme
} catch {
  // Storage can be unavailable (privacy settings, some file:// setups): the system theme applies.
}
