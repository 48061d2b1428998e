import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of the database upkeep, with a message for every UI language. */
export const databaseUpkeepErrors = defineErrorMessages(['database_upkeep'], {
  'database_upkeep.managed_by_postgres': {
    en: 'This installation runs on a PostgreSQL server: its autovacuum keeps the database; ask the server operator.',
    'zh-CN': '本系统运行在 PostgreSQL 服务器上，由其自动清理（autovacuum）维护数据库，请联系服务器管理员。',
  },
});
