import { Module } from '@nestjs/common';
import { FINALIZED_HEAD_SOURCE } from '../ports/finalized-head-source.port';
import { METAGRAPH_READER } from '../ports/metagraph-reader.port';
import { ChainConnectionAdapter } from './chain-connection.adapter';

/** The real chain behind chain-sync's ports (tests override both tokens with an in-process fake). */
@Module({
  providers: [
    ChainConnectionAdapter,
    { provide: FINALIZED_HEAD_SOURCE, useExisting: ChainConnectionAdapter },
    { provide: METAGRAPH_READER, useExisting: ChainConnectionAdapter },
  ],
  exports: [FINALIZED_HEAD_SOURCE, METAGRAPH_READER],
})
export class ChainPortsModule {}
