/** The status bar's Undo after an apply: when it shows and what it says. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApplyOutcome } from '../../client/src/apply/applyFlow';
import type { ApplySnapshot } from '../../client/src/apply/snapshot';
import { MemoryStorage, SnapshotStore } from '../../client/src/apply/snapshot';
import { UndoReminder } from '../../client/src/apply/undoReminder';

const UUID_A = 'aaaaaaaa-1111-4000-8000-000000000001';
const UUID_B = 'bbbbbbbb-2222-4000-8000-000000000002';

function snapshot(uuid: string, functionName: string | undefined, takenAt: string): ApplySnapshot {
	return {
		version: 1,
		uuid,
		functionName,
		region: 'eu-west-1',
		profile: undefined,
		endpoint: undefined,
		takenAt,
		previous: {},
		applied: {},
		unrestorable: [],
		summary: 'OnFailure.Destination: arn:…:old → arn:…:new',
	};
}

function applied(uuid: string, undoAvailable: boolean): ApplyOutcome {
	return { status: 'applied', operation: 'update', uuid, mapping: { UUID: uuid }, message: 'done', followed: true, undoAvailable };
}

describe('the status bar Undo', () => {
	it('shows only for an undoable apply made in this window, naming its mapping', async () => {
		const store = new SnapshotStore(new MemoryStorage());
		// A snapshot left by an earlier session: the command still undoes it, the item does not advertise it.
		await store.save(snapshot(UUID_B, 'old-session', '2026-01-01T00:00:00.000Z'));
		const reminder = new UndoReminder(store);
		assert.equal(reminder.view(), undefined);

		await store.save(snapshot(UUID_A, 'orders-consumer', '2026-01-02T10:00:00.000Z'));
		reminder.note(applied(UUID_A, true));
		assert.deepEqual(reminder.view(), {
			text: '$(discard) Undo apply to orders-consumer · aaaaaaaa',
			tooltip: `Undo Last Apply: sends back the values your apply of 2026-01-02T10:00:00.000Z replaced on event source mapping ${UUID_A} (eu-west-1): OnFailure.Destination: arn:…:old → arn:…:new`,
		});

		// Outcomes other than an apply change nothing.
		reminder.note({ status: 'cancelled', message: 'Cancelled.' });
		reminder.note({ status: 'refused', message: 'No.' });
		assert.equal(reminder.view()?.text, '$(discard) Undo apply to orders-consumer · aaaaaaaa');
	});

	it('follows a newer apply and hides after Undo', async () => {
		const store = new SnapshotStore(new MemoryStorage());
		const reminder = new UndoReminder(store);
		await store.save(snapshot(UUID_A, 'orders-consumer', '2026-01-02T10:00:00.000Z'));
		reminder.note(applied(UUID_A, true));
		await store.save(snapshot(UUID_B, undefined, '2026-01-02T10:05:00.000Z'));
		reminder.note(applied(UUID_B, true));
		assert.equal(reminder.view()?.text, '$(discard) Undo apply to event source mapping · bbbbbbbb');

		// A create (nothing to undo) of another mapping leaves the last apply's Undo in place.
		reminder.note(applied(UUID_A, false));
		assert.equal(reminder.view()?.text, '$(discard) Undo apply to event source mapping · bbbbbbbb');

		// Undo clears the snapshot and reports no further undo.
		await store.clear();
		reminder.note(applied(UUID_B, false));
		assert.equal(reminder.view(), undefined);
	});

	it('hides when a newer apply to the same mapping kept no snapshot, even if the old one is still stored', async () => {
		const store = new SnapshotStore(new MemoryStorage());
		const reminder = new UndoReminder(store);
		await store.save(snapshot(UUID_A, 'orders-consumer', '2026-01-02T10:00:00.000Z'));
		reminder.note(applied(UUID_A, true));
		reminder.note(applied(UUID_A, false));
		assert.equal(reminder.view(), undefined);
	});

	it('makes a function name from AWS inert: it cannot draw an icon or a link', async () => {
		const store = new SnapshotStore(new MemoryStorage());
		const reminder = new UndoReminder(store);
		await store.save(snapshot(UUID_A, '$(alert)fn', '2026-01-02T10:00:00.000Z'));
		reminder.note(applied(UUID_A, true));
		assert.equal(reminder.view()?.text, '$(discard) Undo apply to \\$(alert)fn · aaaaaaaa');
	});
});
