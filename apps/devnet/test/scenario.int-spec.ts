import {
  expectFaithfulObservations,
  runBalancesScenario,
  type ScenarioObservations,
} from './scenarios/balances.scenario';
import { startDevnetFixture, type DevnetFixture } from './support/devnet-fixture';

describe('the shared client scenario against the devnet', () => {
  let fixture: DevnetFixture;
  let observations: ScenarioObservations;

  beforeAll(async () => {
    fixture = await startDevnetFixture();
    observations = await runBalancesScenario({
      api: fixture.api,
      seal: fixture.seal,
      sudoAccount: fixture.accounts.alice,
      other: fixture.accounts.bob,
    });
  });

  afterAll(() => fixture.stop());

  it('meets the expectations the real runtime meets', () => {
    expectFaithfulObservations(observations);
  });

  it('emits exactly the events the real runtime emits for a transfer that creates an account (zero refund included)', () => {
    expect(observations.transfer.events).toEqual([
      'balances.Withdraw',
      'system.NewAccount',
      'balances.Endowed',
      'balances.Transfer',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
  });

  it('refunds the sudo fee: the outer call reports Pays::No', () => {
    expect(observations.sudo.events).toEqual([
      'balances.Withdraw',
      'balances.Issued',
      'balances.BalanceSet',
      'sudo.Sudid',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
  });
});
