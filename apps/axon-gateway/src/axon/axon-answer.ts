/** What the transport sends: a whole response, or a status and headers followed by body chunks as produced. */
export type AxonAnswer =
  | {
      readonly kind: 'whole';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | {
      readonly kind: 'stream';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly chunks: AsyncIterable<string>;
    };

/**
 * A refusal the SDK has no exception for (oversized head, body too large, rate limited): `{"message": …}` and the
 * status headers a Python dendrite reads (`bt_header_axon_status_code` is on every answer, protocol.md §12).
 */
export function plainRejection(status: number, message: string): AxonAnswer {
  return {
    kind: 'whole',
    status,
    headers: {
      bt_header_axon_status_code: String(status),
      bt_header_axon_status_message: message,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ message }),
  };
}
