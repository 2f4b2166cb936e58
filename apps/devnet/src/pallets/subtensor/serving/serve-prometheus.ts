import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { write } from '../state/subtensor-storage';
import { checkServedEndpoint } from './serve-endpoint';

/** `serve_prometheus(netuid, version, ip, port, ip_type)`, signed by the hotkey; same checks as `serve_axon`. */
export function servePrometheus(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const endpoint = checkServedEndpoint(context, args, 'prometheus');
  write(context.storage, 'prometheus', [endpoint.netuid, endpoint.hotkey], {
    block: endpoint.block,
    version: endpoint.version,
    ip: endpoint.ip,
    port: endpoint.port,
    ipType: endpoint.ipType,
  });
  context.deposit('subtensorModule', 'PrometheusServed', [endpoint.netuid, endpoint.hotkey]);
}
