/**
 * A Terraform module as this checker sees it: the top-level blocks of its files, indexed so that
 * references resolve: `resource` and `data` blocks by type and name, `variable` blocks (for their
 * `default`) and the attributes of `locals` blocks. A module is a directory, so the document being
 * checked may take values from sibling files (variables.tf); only the document itself is read in
 * full, the others only as far as a reference leads.
 */
import type { Tree } from 'web-tree-sitter';
import type { HclAttribute, HclBlock, HclBody } from './hclSyntax';
import { blockBody, topLevelBlocks } from './hclSyntax';

export interface TerraformFile {
	source: string;
	blocks: HclBlock[];
	/** Whether this is the document being checked (only its ranges can carry diagnostics). */
	isDocument: boolean;
}

/** A top-level block of the module with the file it is in; its body is read once, on first use. */
export interface Declaration {
	block: HclBlock;
	file: TerraformFile;
	body(): HclBody;
}

/** A value-bearing attribute (a variable's default, a local) with the file it is in. */
export interface Definition {
	attribute: HclAttribute;
	file: TerraformFile;
}

export interface TerraformModule {
	document: TerraformFile;
	/** `resource` blocks by `<type>.<name>`. */
	resources: Map<string, Declaration>;
	/** `data` blocks by `<type>.<name>`. */
	dataSources: Map<string, Declaration>;
	variables: Map<string, { declaration: Declaration; default: Definition | undefined }>;
	locals: Map<string, Definition>;
	/** Every resource of a type, in file order (the document's first). */
	resourcesOfType(type: string): Declaration[];
}

/** Reads a parsed file's top-level blocks. */
export function terraformFile(tree: Tree, source: string, isDocument: boolean): TerraformFile {
	return { source, blocks: topLevelBlocks(tree.rootNode, source), isDocument };
}

export function buildModule(document: TerraformFile, siblings: readonly TerraformFile[] = []): TerraformModule {
	let byType: Map<string, Declaration[]> | undefined;
	const module: TerraformModule = {
		document,
		resources: new Map(),
		dataSources: new Map(),
		variables: new Map(),
		locals: new Map(),
		resourcesOfType: (type) => {
			// Indexed on first use, after every file is read: asked once per mapping and resource type.
			if (!byType) {
				byType = new Map();
				for (const declaration of module.resources.values()) {
					const key = declaration.block.labels[0]?.value ?? '';
					byType.set(key, [...(byType.get(key) ?? []), declaration]);
				}
			}
			return byType.get(type) ?? [];
		},
	};
	for (const file of [document, ...siblings]) {
		for (const block of file.blocks) {
			addBlock(module, declarationOf(block, file));
		}
	}
	return module;
}

function declarationOf(block: HclBlock, file: TerraformFile): Declaration {
	let body: HclBody | undefined;
	return { block, file, body: () => (body ??= blockBody(block, file.source)) };
}

function addBlock(module: TerraformModule, declaration: Declaration): void {
	const { block, file } = declaration;
	const [first, second] = block.labels.map((label) => label.value);
	// The first declaration wins: Terraform rejects duplicates, and the document comes first.
	const addOnce = <T>(map: Map<string, T>, key: string, value: T): void => {
		if (!map.has(key)) {
			map.set(key, value);
		}
	};
	switch (block.type) {
		case 'resource':
			if (first !== undefined && second !== undefined) {
				addOnce(module.resources, `${first}.${second}`, declaration);
			}
			break;
		case 'data':
			if (first !== undefined && second !== undefined) {
				addOnce(module.dataSources, `${first}.${second}`, declaration);
			}
			break;
		case 'variable':
			if (first !== undefined) {
				const attribute = declaration.body().attributes.find((candidate) => candidate.name === 'default');
				addOnce(module.variables, first, { declaration, default: attribute ? { attribute, file } : undefined });
			}
			break;
		case 'locals':
			for (const attribute of declaration.body().attributes) {
				addOnce(module.locals, attribute.name, { attribute, file });
			}
			break;
	}
}
