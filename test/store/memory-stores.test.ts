import { createMemoryStores } from '../../src/stores';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', async () => createMemoryStores());
