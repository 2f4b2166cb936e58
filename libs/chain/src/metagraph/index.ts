export type {
  AxonInfo,
  FinalizedHead,
  Metagraph,
  MetagraphReader,
  NeuronInfo,
  PrometheusInfo,
  SubnetHyperparameters,
} from './metagraph.types';
