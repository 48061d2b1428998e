import { benchApiLatency } from './api-latency';
import { benchCustomerSearch } from './customer-search';
import { benchImportThroughput } from './import-throughput';

const only = process.argv[2];
if (!only || only === 'api') await benchApiLatency();
if (!only || only === 'customers') await benchCustomerSearch();
if (!only || only === 'import') await benchImportThroughput();
