import { before, it } from 'node:test';
import { loadParser, mskMapping, tfProblems } from './tfHelpers';
before(loadParser);
it('scratch', () => {
	const text = mskMapping(`  batch_size = 0
  destination_config {
    on_failure {
      destination_arn = "kafka://orders"
    }
  }`);
	console.log(JSON.stringify(tfProblems(text), null, 1));
});
