export { readAccount, writeAccount, NEW_LOGIC_FLAGS, type AccountInfoValue } from './account-info';
export { BalancesLedger, type Preservation } from './balances-ledger';
export { createBalancesPallet } from './balances.pallet';
