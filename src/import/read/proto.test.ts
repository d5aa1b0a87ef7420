import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { protoImporter } from './proto.ts'

const proto = `syntax = "proto3";

package shop.v1;

// The order's state: not an error.
enum OrderState {
  ORDER_STATE_UNSPECIFIED = 0;
  PLACED = 1;
}

message PaymentErrorEnum {
  // Why a payment failed.
  enum PaymentError {
    // Not specified.
    UNSPECIFIED = 0;

    // The card was declined by the issuer,
    // for any reason.
    CARD_DECLINED = 2;

    /* The card has expired. */
    CARD_EXPIRED = 3 [deprecated = true];
    INSUFFICIENT_FUNDS = 4; // Not enough money.
  }
}
`

describe('Protocol Buffers importer', () => {
  it('is detected from syntax and enum blocks', () => {
    assert.equal(detectFormat(proto)?.importer.format, 'proto')
  })

  it('reads the error enum values with the comments above or beside them', () => {
    const page = protoImporter.parse(proto)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['0', 'UNSPECIFIED', 'Not specified.', 15],
        ['2', 'CARD_DECLINED', 'The card was declined by the issuer, for any reason.', 19],
        ['3', 'CARD_EXPIRED', 'The card has expired.', 22],
        ['4', 'INSUFFICIENT_FUNDS', 'Not enough money.', 23],
      ],
    )
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['PaymentError'],
    )
    assert.match(page.notes[0]!.message, /OrderState is not an error enum/)
  })

  it('takes every enum when none is named as errors', () => {
    const page = protoImporter.parse('enum Codes {\n  OK = 0;\n  BAD = 1;\n}\n')
    assert.deepEqual(
      page.rows.map((r) => r.symbol),
      ['OK', 'BAD'],
    )
  })
})
