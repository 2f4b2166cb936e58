import { readAccount } from '../pallets/balances/account-info';
import type { RuntimeApiModule } from '../runtime/dispatch-context';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import { decodeArgs } from './runtime-api-args';

/** `AccountNonceApi::account_nonce`: the account's on-chain nonce (u32), not counting the pool. */
export function createAccountNonceApi(runtime: RuntimeMetadata): RuntimeApiModule {
  const { registry } = runtime;
  return {
    trait: 'AccountNonceApi',
    version: 1,
    methods: {
      account_nonce: (storage, input) => {
        const [who] = decodeArgs(registry, 'account_nonce', ['AccountId32'], input);
        return registry.createType('u32', readAccount(storage, String(who)).nonce).toU8a();
      },
    },
  };
}
