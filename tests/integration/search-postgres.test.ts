import { startTestPostgres } from '../support/test-database';
import { describeSearch } from './search-scenarios';

describeSearch('a real PostgreSQL server', startTestPostgres);
