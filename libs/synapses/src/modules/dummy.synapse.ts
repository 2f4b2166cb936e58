import { Dummy } from '@taonode/protocol';
import { defineSynapseModule } from '../synapse-module';

/** The subnet template's miner: `dummy_output = dummy_input * 2`. */
export default defineSynapseModule({
  kind: 'unary',
  synapse: Dummy,
  handle: (inputs) => Promise.resolve({ dummy_output: inputs.dummy_input * 2n }),
});
