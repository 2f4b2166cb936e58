import { spec424MetadataFile } from '@taonode/testing';
import { readMetadataFile } from '../../../runtime/metadata-source';
import { runtimeMetadataFromBytes } from '../../../runtime/runtime-metadata';
import { devGenesis } from '../testing/dev-genesis';
import { DevAccounts, SubtensorTestChain } from '../testing/subtensor-test-chain';
import { servingFailure, type EndpointItem } from './serve-endpoint';

const GOOD_IP = 3325256714n; // 198.51.100.10
const LOOPBACK = 0x7f000001n;
const spec424 = spec424MetadataFile();

/** The serving rules of each runtime, in their order: which check fails first decides the error. */
describe.each([
  { label: 'spec 233 metadata', file: undefined as string | undefined, present: true },
  { label: 'spec 424 metadata', file: spec424, present: spec424 !== undefined },
])('serving checks on $label', ({ label, file, present }) => {
  const is424 = label.includes('424');
  const accounts = new DevAccounts();
  let chain: SubtensorTestChain;
  const failure = (hotkey: string, item: EndpointItem, endpoint: { ip?: bigint; ipType?: number; netuid?: number }) =>
    servingFailure(
      chain.storage,
      chain.address(hotkey),
      { netuid: 1, block: chain.blockNumber, ip: GOOD_IP, ipType: 4, port: 8091, ...endpoint },
      item,
    );

  beforeAll(async () => {
    if (!present) {
      return;
    }
    const runtime = file === undefined ? undefined : runtimeMetadataFromBytes(readMetadataFile(file));
    chain = await SubtensorTestChain.create(devGenesis(accounts), {}, runtime);
  });

  (present ? it : it.skip)('axons: registration before the address; 0 only on 424', () => {
    expect(failure('nobody/hot', 'axons', { ip: LOOPBACK })).toBe('HotKeyNotRegisteredInNetwork');
    expect(failure('alice/owner', 'axons', { ip: LOOPBACK })).toBe('InvalidIpAddress');
    expect(failure('alice/owner', 'axons', { ip: 0n })).toBe(is424 ? undefined : 'InvalidIpAddress');
    expect(failure('alice/owner', 'axons', { ip: 0n, ipType: 6 })).toBe(is424 ? undefined : 'InvalidIpAddress');
    expect(failure('alice/owner', 'axons', { ip: 1n, ipType: 6 })).toBe('InvalidIpAddress');
    expect(failure('alice/owner', 'axons', { ip: (1n << 128n) - 1n, ipType: 6 })).toBe('InvalidIpAddress');
    expect(failure('alice/owner', 'axons', { ipType: 5 })).toBe('InvalidIpType');
  });

  (present ? it : it.skip)('prometheus: on 424 the address before registration, and never 0', () => {
    expect(failure('nobody/hot', 'prometheus', { ip: LOOPBACK })).toBe(
      is424 ? 'InvalidIpAddress' : 'HotKeyNotRegisteredInNetwork',
    );
    expect(failure('alice/owner', 'prometheus', { ip: 0n })).toBe('InvalidIpAddress');
  });

  (present ? it : it.skip)('424 needs registration on the served subnet, 233 on any subnet', () => {
    expect(failure('alice/owner', 'axons', { netuid: 2 })).toBe(is424 ? 'HotKeyNotRegisteredInNetwork' : undefined);
  });
});
