import { startTestDatabase } from '../support/test-database';
import { describeSearch } from './search-scenarios';

describeSearch('the embedded database (PGlite)', startTestDatabase);
