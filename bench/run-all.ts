import { benchApiLatency } from './api-latency';
import { benchCustomerSearch } from './customer-search';
import { benchCustomerWriteCost } from './customer-write-cost';
import { benchDatabaseUpkeep } from './database-upkeep';
import { benchImportThroughput } from './import-throughput';
import { benchLoadMix } from './load-mix';
import { startSeededBench } from './seeded-bench';
import { benchShipments } from './shipments';

/** `npm run bench` runs all; `npm run bench -- customers,load` runs the named ones. */
const names = ['api', 'customers', 'load', 'import', 'shipments', 'upkeep', 'write-cost'];
const only = process.argv[2];
const chosen = new Set(only ? only.split(',').map((name) => name.trim()) : names);
const unknown = [...chosen].filter((name) => !names.includes(name));
if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; choose from ${names.join(', ')}`);

if (chosen.has('api')) await benchApiLatency();
if (chosen.has('customers') && chosen.has('load')) {
  // Seeding a million customers takes minutes: both run on one seeded server.
  const seeded = await startSeededBench();
  try {
    await benchCustomerSearch(seeded);
    await benchLoadMix(seeded);
  } finally {
    await seeded.close();
  }
} else if (chosen.has('customers')) await benchCustomerSearch();
else if (chosen.has('load')) await benchLoadMix();
if (chosen.has('import')) await benchImportThroughput();
if (chosen.has('shipments')) await benchShipments();
if (chosen.has('upkeep')) await benchDatabaseUpkeep();
if (chosen.has('write-cost')) await benchCustomerWriteCost();
