import { devGenesis } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';

const IP = 3325256714n; // 198.51.100.10

describe('serve_axon and serve_prometheus', () => {
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const hotkey = 'alice/owner';

  beforeEach(async () => {
    chain = await SubtensorTestChain.create(devGenesis(accounts, { servingRateLimit: 3 }));
  });

  const serve = (args: Record<string, unknown> = {}, signer = hotkey) =>
    chain.call(chain.signed(signer), 'subtensorModule', 'serveAxon', {
      netuid: 1,
      version: 1,
      ip: IP,
      port: 8091,
      ipType: 4,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
      ...args,
    });

  it('stores AxonInfo with the block and emits AxonServed', () => {
    expect(serve()).toEqual({ ok: true });
    expect(chain.get('axons', 1, chain.address(hotkey)).toJSON()).toEqual({
      block: chain.blockNumber,
      version: 1,
      ip: Number(IP),
      port: 8091,
      ipType: 4,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
    });
    expect(chain.eventNames()).toEqual(['subtensorModule.AxonServed']);
    expect(chain.events[0]?.fields).toEqual([1, chain.address(hotkey)]);
  });

  it.each([
    ['an unregistered hotkey', {}, 'charlie/hot', 'HotKeyNotRegisteredInNetwork'],
    ['ip type 5', { ipType: 5 }, hotkey, 'InvalidIpType'],
    ['127.0.0.1', { ip: 0x7f000001 }, hotkey, 'InvalidIpAddress'],
    ['port 0', { port: 0 }, hotkey, 'InvalidPort'],
  ])('refuses %s', (_, args, signer, error) => {
    expect(serve(args, signer)).toEqual({ ok: false, error: `subtensorModule.${error}` });
  });

  it('rate-limits re-announcements by ServingRateLimit blocks', () => {
    serve();
    const served = chain.blockNumber;
    chain.advanceTo(served + 2);
    expect(serve({ port: 9000 })).toEqual({ ok: false, error: 'subtensorModule.ServingRateLimitExceeded' });
    chain.advanceTo(served + 3);
    expect(serve({ port: 9000 })).toEqual({ ok: true });
  });

  it('serves prometheus under the same rules into Prometheus', () => {
    const outcome = chain.call(chain.signed(hotkey), 'subtensorModule', 'servePrometheus', {
      netuid: 1,
      version: 2,
      ip: IP,
      port: 9100,
      ipType: 4,
    });
    expect(outcome).toEqual({ ok: true });
    expect(chain.get('prometheus', 1, chain.address(hotkey)).toJSON()).toEqual({
      block: chain.blockNumber,
      version: 2,
      ip: Number(IP),
      port: 9100,
      ipType: 4,
    });
    expect(chain.eventNames()).toEqual(['subtensorModule.PrometheusServed']);
  });

  it('keeps a TLS certificate as algorithm byte plus public key', () => {
    const outcome = chain.call(chain.signed(hotkey), 'subtensorModule', 'serveAxonTls', {
      netuid: 1,
      version: 1,
      ip: IP,
      port: 8091,
      ipType: 4,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
      certificate: '0x01aabbcc',
    });
    expect(outcome).toEqual({ ok: true });
    expect(chain.get('neuronCertificates', 1, chain.address(hotkey)).toJSON()).toEqual({
      publicKey: '0xaabbcc',
      algorithm: 1,
    });
  });
});
