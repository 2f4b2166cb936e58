import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { argBytes, argNumber } from '../call-args';
import { write } from '../state/subtensor-storage';
import { checkServedEndpoint } from './serve-endpoint';

/** The longest certificate `NeuronCertificate::try_from` takes: one algorithm byte plus a 64-byte public key. */
const MAX_CERTIFICATE_BYTES = 65;

/** `serve_axon(netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2)`, signed by the hotkey. */
export function serveAxon(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  storeAxon(context, args, undefined);
}

/** `serve_axon_tls(…, certificate)`: as `serve_axon`, also keeping a well-formed certificate. */
export function serveAxonTls(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  storeAxon(context, args, argBytes(args, 'certificate'));
}

function storeAxon(
  context: DispatchContext,
  args: Readonly<Record<string, Codec>>,
  certificate: Uint8Array | undefined,
): void {
  const endpoint = checkServedEndpoint(context, args, 'axons');
  const { storage } = context;
  if (certificate !== undefined && certificate.length >= 1 && certificate.length <= MAX_CERTIFICATE_BYTES) {
    // Written before the port check on chain, but a failed dispatch discards it either way.
    write(storage, 'neuronCertificates', [endpoint.netuid, endpoint.hotkey], {
      // A hex string: a Uint8Array would be read as already SCALE-encoded (length prefix included).
      publicKey: u8aToHex(certificate.subarray(1)),
      algorithm: certificate[0],
    });
  }
  write(storage, 'axons', [endpoint.netuid, endpoint.hotkey], {
    block: endpoint.block,
    version: endpoint.version,
    ip: endpoint.ip,
    port: endpoint.port,
    ipType: endpoint.ipType,
    protocol: argNumber(args, 'protocol'),
    placeholder1: argNumber(args, 'placeholder1'),
    placeholder2: argNumber(args, 'placeholder2'),
  });
  context.deposit('subtensorModule', 'AxonServed', [endpoint.netuid, endpoint.hotkey]);
}
