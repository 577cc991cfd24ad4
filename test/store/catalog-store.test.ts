import { MemoryCatalogStore } from '../../src/catalog/memory-catalog-store';
import { RedisCatalogStore } from '../../src/catalog/redis-catalog-store';
import { describeCatalogStoreContract } from './catalog-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeCatalogStoreContract('memory', inMemory(() => new MemoryCatalogStore()));
describeCatalogStoreContract('redis', onRedis('catalog', (redis, prefix) => new RedisCatalogStore(redis, prefix)));
describeCatalogStoreContract('redis cluster', onRedisCluster('catalog', (redis, prefix) => new RedisCatalogStore(redis, prefix)));
