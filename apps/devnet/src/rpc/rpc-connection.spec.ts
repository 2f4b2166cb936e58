import { RpcConnection } from './rpc-connection';

describe('RpcConnection subscriptions', () => {
  it('holds notifications until the subscription id has been answered, then sends them in order', () => {
    const sent: object[] = [];
    const connection = new RpcConnection((message) => sent.push(message), true);
    const subscription = connection.subscribe('chain_newHead', ['chain_unsubscribeNewHeads'], () => undefined);
    subscription.notify({ number: '0x1' });
    expect(sent).toEqual([]);
    connection.activate(subscription.id);
    subscription.notify({ number: '0x2' });
    expect(sent).toEqual([
      { jsonrpc: '2.0', method: 'chain_newHead', params: { subscription: subscription.id, result: { number: '0x1' } } },
      { jsonrpc: '2.0', method: 'chain_newHead', params: { subscription: subscription.id, result: { number: '0x2' } } },
    ]);
  });

  it('unsubscribes only through the matching unsubscribe method and runs the cleanup once', () => {
    const cleanup = jest.fn();
    const connection = new RpcConnection(() => undefined, true);
    const subscription = connection.subscribe('state_storage', ['state_unsubscribeStorage'], cleanup);
    expect(connection.unsubscribe('chain_unsubscribeNewHeads', subscription.id)).toBe(false);
    expect(connection.unsubscribe('state_unsubscribeStorage', subscription.id)).toBe(true);
    expect(connection.unsubscribe('state_unsubscribeStorage', subscription.id)).toBe(false);
    connection.close();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('ends every subscription when the connection closes', () => {
    const cleanups = [jest.fn(), jest.fn()];
    const connection = new RpcConnection(() => undefined, true);
    for (const cleanup of cleanups) {
      connection.subscribe('chain_newHead', [], cleanup);
    }
    connection.close();
    expect(cleanups.map((cleanup) => cleanup.mock.calls.length)).toEqual([1, 1]);
  });
});
