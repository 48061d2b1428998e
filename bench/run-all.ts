import { benchApiLatency } from './api-latency';

await benchApiLatency();
