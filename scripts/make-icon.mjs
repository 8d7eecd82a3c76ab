// Draws media/icon.png (128x128): a navy tile with an orange lambda whose foot ends in three
// Kafka-style partition nodes. Kept as code so the icon can be changed without an image editor.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const navy = [35, 47, 62];
const orange = [255, 153, 0];
const white = [240, 240, 240];

function blend(x, y, color, alpha) {
	const i = (y * size + x) * 4;
	for (let c = 0; c < 3; c++) {
		pixels[i + c] = Math.round(pixels[i + c] * (1 - alpha) + color[c] * alpha);
	}
	pixels[i + 3] = Math.max(pixels[i + 3], Math.round(alpha * 255));
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
	const dx = bx - ax;
	const dy = by - ay;
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

for (let y = 0; y < size; y++) {
	for (let x = 0; x < size; x++) {
		// Rounded tile with a soft edge.
		const r = 22;
		const cx = Math.min(Math.max(x + 0.5, r), size - r);
		const cy = Math.min(Math.max(y + 0.5, r), size - r);
		const edge = r - Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
		if (edge > 0) {
			blend(x, y, navy, Math.min(1, edge));
		}
		const strokes = [
			[34, 24, 50, 24],
			[50, 24, 92, 104],
			[64, 62, 38, 104],
		];
		const d = Math.min(...strokes.map(([ax, ay, bx, by]) => segmentDistance(x + 0.5, y + 0.5, ax, ay, bx, by)));
		if (d < 7) {
			blend(x, y, orange, Math.min(1, 7 - d));
		}
		for (const [nx, ny] of [
			[100, 40],
			[108, 62],
			[100, 84],
		]) {
			const dn = Math.hypot(x + 0.5 - nx, y + 0.5 - ny);
			if (dn < 7) {
				blend(x, y, white, Math.min(1, 7 - dn));
			}
		}
	}
}

function crc32(buffer) {
	let crc = ~0;
	for (const byte of buffer) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) {
			crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
		}
	}
	return ~crc >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
	pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
}
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', header),
	chunk('IDAT', deflateSync(rows)),
	chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
