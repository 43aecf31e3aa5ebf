import { startTestPostgres } from '../support/test-database';
import { describeRouting } from './routing-scenarios';

describeRouting('a real PostgreSQL server', startTestPostgres);
