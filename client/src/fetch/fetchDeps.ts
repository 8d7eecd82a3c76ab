/** What the fetch commands get from the extension's state. */
import type { CommandDeps } from '../commands/commandDeps';
import type { FetchedDocuments } from './fetchedDocuments';
import type { SqsFetchMemory } from './lastSqsFetch';
import type { MappingContexts } from './mappingContext';

export interface FetchDeps extends CommandDeps {
	mappings: MappingContexts;
	sqsFetches: SqsFetchMemory;
	fetched: FetchedDocuments;
}
