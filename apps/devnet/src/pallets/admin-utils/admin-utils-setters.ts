import type { bool } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { DispatchError, ensureRoot, type CallHandler } from '../../runtime/dispatch-context';
import { arg, argBigInt, argNumber } from '../subtensor/call-args';
import {
  setGlobalParameter,
  setSubnetParameter,
  type GlobalParameter,
  type SubnetParameter,
} from '../subtensor/state/parameter-setters';
import { ensureSubnetOwnerOrRoot } from './admin-origin';

type AdminErrorName = 'SubnetDoesNotExist' | 'MaxValidatorsLargerThanMaxUIds' | 'MaxAllowedUIdsLessThanCurrentUIds';

/** How an AdminUtils setter of one subnet hyperparameter is guarded (from the spec-224 admin-utils pallet). */
interface SubnetSetter {
  /** The AdminUtils errors `check` can fail with. */
  readonly checkErrors: readonly AdminErrorName[];
  readonly parameter: SubnetParameter;
  /** Name of the value argument (decorated camelCase). */
  readonly argument: string;
  readonly origin: 'root' | 'ownerOrRoot';
  /** Whether the setter checks `NetworksAdded` (a few do not). */
  readonly requiresSubnet: boolean;
  /** An extra check after the subnet check, returning the AdminUtils error to fail with. */
  readonly check?: (value: bigint, read: (item: string) => bigint) => AdminErrorName | undefined;
}

const setter = (
  parameter: SubnetParameter,
  argument: string,
  origin: SubnetSetter['origin'],
  extra: Partial<Pick<SubnetSetter, 'requiresSubnet' | 'check' | 'checkErrors'>> = {},
): SubnetSetter => ({
  parameter,
  argument,
  origin,
  requiresSubnet: extra.requiresSubnet ?? true,
  check: extra.check,
  checkErrors: extra.checkErrors ?? [],
});

/** The AdminUtils calls for per-subnet hyperparameters, keyed by decorated method name. */
export const SUBNET_SETTERS: Readonly<Record<string, SubnetSetter>> = {
  sudoSetServingRateLimit: setter('servingRateLimit', 'servingRateLimit', 'ownerOrRoot', { requiresSubnet: false }),
  sudoSetWeightsVersionKey: setter('weightsVersionKey', 'weightsVersionKey', 'ownerOrRoot'),
  sudoSetWeightsSetRateLimit: setter('weightsSetRateLimit', 'weightsSetRateLimit', 'ownerOrRoot'),
  sudoSetMaxWeightLimit: setter('maxWeightsLimit', 'maxWeightLimit', 'ownerOrRoot'),
  sudoSetImmunityPeriod: setter('immunityPeriod', 'immunityPeriod', 'ownerOrRoot'),
  sudoSetMinAllowedWeights: setter('minAllowedWeights', 'minAllowedWeights', 'ownerOrRoot'),
  sudoSetMaxAllowedUids: setter('maxAllowedUids', 'maxAllowedUids', 'root', {
    check: (value, read) => (read('subnetworkN') < value ? undefined : 'MaxAllowedUIdsLessThanCurrentUIds'),
    checkErrors: ['MaxAllowedUIdsLessThanCurrentUIds'],
  }),
  sudoSetTempo: setter('tempo', 'tempo', 'root'),
  sudoSetCommitRevealWeightsEnabled: setter('commitRevealWeightsEnabled', 'enabled', 'ownerOrRoot'),
  sudoSetCommitRevealWeightsInterval: setter('revealPeriodEpochs', 'interval', 'ownerOrRoot'),
  sudoSetMaxAllowedValidators: setter('maxAllowedValidators', 'maxAllowedValidators', 'root', {
    check: (value, read) => (value <= read('maxAllowedUids') ? undefined : 'MaxValidatorsLargerThanMaxUIds'),
    checkErrors: ['MaxValidatorsLargerThanMaxUIds'],
  }),
  sudoSetActivityCutoff: setter('activityCutoff', 'activityCutoff', 'ownerOrRoot'),
  sudoSetNetworkRegistrationAllowed: setter('networkRegistrationAllowed', 'registrationAllowed', 'ownerOrRoot', {
    requiresSubnet: false,
  }),
  sudoSetNetworkPowRegistrationAllowed: setter('networkPowRegistrationAllowed', 'registrationAllowed', 'ownerOrRoot', {
    requiresSubnet: false,
  }),
  sudoSetMaxRegistrationsPerBlock: setter('maxRegistrationsPerBlock', 'maxRegistrationsPerBlock', 'root'),
  sudoSetTargetRegistrationsPerInterval: setter(
    'targetRegistrationsPerInterval',
    'targetRegistrationsPerInterval',
    'root',
  ),
  sudoSetAdjustmentInterval: setter('adjustmentInterval', 'adjustmentInterval', 'root'),
  sudoSetAdjustmentAlpha: setter('adjustmentAlpha', 'adjustmentAlpha', 'ownerOrRoot'),
  sudoSetMinBurn: setter('minBurn', 'minBurn', 'root'),
  sudoSetMaxBurn: setter('maxBurn', 'maxBurn', 'ownerOrRoot'),
  sudoSetDifficulty: setter('difficulty', 'difficulty', 'ownerOrRoot'),
  sudoSetMinDifficulty: setter('minDifficulty', 'minDifficulty', 'ownerOrRoot'),
  sudoSetMaxDifficulty: setter('maxDifficulty', 'maxDifficulty', 'ownerOrRoot'),
  sudoSetKappa: setter('kappa', 'kappa', 'ownerOrRoot'),
  sudoSetRho: setter('rho', 'rho', 'ownerOrRoot'),
  sudoSetBondsMovingAverage: setter('bondsMovingAverage', 'bondsMovingAverage', 'ownerOrRoot'),
  sudoSetBondsPenalty: setter('bondsPenalty', 'bondsPenalty', 'ownerOrRoot'),
  sudoSetLiquidAlphaEnabled: setter('liquidAlphaOn', 'enabled', 'ownerOrRoot'),
};

/** The root-only AdminUtils calls for chain-wide values. */
export const GLOBAL_SETTERS: Readonly<Record<string, { parameter: GlobalParameter; argument: string }>> = {
  sudoSetTxRateLimit: { parameter: 'txRateLimit', argument: 'txRateLimit' },
  sudoSetNetworkRateLimit: { parameter: 'networkRateLimit', argument: 'rateLimit' },
  sudoSetNetworkMinLockCost: { parameter: 'networkMinLockCost', argument: 'lockCost' },
  sudoSetStakeThreshold: { parameter: 'stakeThreshold', argument: 'minStake' },
  sudoSetSubnetLimit: { parameter: 'subnetLimit', argument: 'maxSubnets' },
  sudoSetSubnetOwnerCut: { parameter: 'subnetOwnerCut', argument: 'subnetOwnerCut' },
  sudoSetLockReductionInterval: { parameter: 'networkLockReductionInterval', argument: 'interval' },
  sudoSetNetworkImmunityPeriod: { parameter: 'networkImmunityPeriod', argument: 'immunityPeriod' },
  sudoSetTotalIssuance: { parameter: 'totalIssuance', argument: 'totalIssuance' },
};

/** The AdminUtils errors a subnet setter can fail with. */
export function subnetSetterErrors(definition: SubnetSetter): readonly AdminErrorName[] {
  return [...(definition.requiresSubnet ? (['SubnetDoesNotExist'] as const) : []), ...definition.checkErrors];
}

export function subnetSetterHandler(definition: SubnetSetter): CallHandler {
  return (context, args) => {
    const netuid = argNumber(args, 'netuid');
    const { storage } = context;
    if (definition.origin === 'root') {
      ensureRoot(context.origin);
    } else {
      ensureSubnetOwnerOrRoot(storage, context.origin, netuid);
    }
    const exists = storage.get<bool>('subtensorModule', 'networksAdded', netuid).isTrue;
    if (definition.requiresSubnet && !exists) {
      throw new DispatchError('adminUtils', 'SubnetDoesNotExist');
    }
    const raw = arg(args, definition.argument);
    const value = isBool(raw) ? raw.isTrue : BigInt(raw.toString());
    if (typeof value === 'bigint' && definition.check) {
      const failure = definition.check(value, (item) =>
        BigInt(storage.get('subtensorModule', item, netuid).toString()),
      );
      if (failure) {
        throw new DispatchError('adminUtils', failure);
      }
    }
    setSubnetParameter(storage, context.deposit.bind(context), definition.parameter, netuid, value);
  };
}

export function globalSetterHandler(definition: { parameter: GlobalParameter; argument: string }): CallHandler {
  return (context, args) => {
    ensureRoot(context.origin);
    setGlobalParameter(
      context.storage,
      context.deposit.bind(context),
      definition.parameter,
      argBigInt(args, definition.argument),
    );
  };
}

function isBool(codec: Codec): codec is bool {
  return codec.toRawType() === 'bool';
}
