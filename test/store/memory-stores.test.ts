import { createMemoryStores } from '../../src/store/memory-stores';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', async () => createMemoryStores());
