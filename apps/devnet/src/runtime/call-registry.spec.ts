import { defineCall, NO_CUSTOM_VALIDITY, weighs } from './call-definition';
import { createDevnetRuntime } from './devnet-runtime';
import { MetadataIndex } from './metadata-index';

describe('CallRegistry: one definition per call', () => {
  const runtime = createDevnetRuntime();
  const index = new MetadataIndex(runtime.metadata);

  it('offers the defined calls the served metadata has: at spec 233 all but the spec-424 ones', () => {
    const defined = runtime.pallets.flatMap((pallet) => pallet.calls.map((call) => `${call.pallet}.${call.name}`));
    const offered = runtime.calls.all().map((call) => `${call.pallet}.${call.name}`);
    const only424 = [
      'set_mechanism_weights',
      'commit_mechanism_weights',
      'reveal_mechanism_weights',
      'start_call',
      'commit_timelocked_weights',
      'commit_timelocked_mechanism_weights',
      'commit_crv3_mechanism_weights',
    ].map((name) => `subtensorModule.${name}`);
    expect(offered.sort()).toEqual(defined.filter((call) => !only424.includes(call)).sort());
  });

  it('declares only errors the metadata has for the call’s pallet (or that only a runtime having them raises)', () => {
    // Raised only where the metadata has the feature: staking before `start_call` (spec 424's SubtokenEnabled).
    const featureGated = ['SubtokenDisabled'];
    const unknown = runtime.calls
      .all()
      .flatMap((call) => call.errors.filter((error) => !index.pallet(call.pallet).errors.has(error)))
      .filter((error) => !featureGated.includes(error))
      .map(String);
    expect(unknown).toEqual([]);
  });

  it('resolves the fee rule and weight from the definition, nested calls included', () => {
    const call = (section: string, method: string, args: Record<string, unknown>) => {
      const build = runtime.metadata.decorated.tx[section]?.[method];
      if (!build) {
        throw new Error(`${section}.${method} missing`);
      }
      const codec = build(...Object.values(args));
      return { section, method, args: Object.fromEntries(codec.argsEntries) };
    };
    const setWeights = call('subtensorModule', 'setWeights', { netuid: 1, dests: [0], weights: [1], versionKey: 0 });
    expect(runtime.calls.info(setWeights).pays).toBe('No');
    const remark = call('system', 'remark', { remark: '0x00' });
    expect(runtime.calls.info(remark)).toEqual({ refTime: 2_000_388n, proofSize: 0n, class: 'Normal', pays: 'Yes' });
    expect(
      runtime.calls.find(call('balances', 'transferKeepAlive', { dest: '0x' + '11'.repeat(32), value: 1 })),
    ).toBeDefined();
  });

  it('refuses, at compile time, a call declared without one of its parts', () => {
    const incomplete = () =>
      // @ts-expect-error -- `validate` is missing: a call without its validity rule does not compile
      defineCall({
        pallet: 'system',
        name: 'remark',
        weight: weighs(1n),
        pays: 'Yes',
        errors: [],
        dispatch: () => undefined,
      });
    const complete = defineCall({
      pallet: 'system',
      name: 'remark',
      weight: weighs(1n),
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: () => undefined,
    });
    expect(typeof incomplete).toBe('function');
    expect(complete.name).toBe('remark');
  });
});
