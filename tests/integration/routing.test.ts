import { startTestDatabase } from '../support/test-database';
import { describeRouting } from './routing-scenarios';

describeRouting('the embedded database', startTestDatabase);
