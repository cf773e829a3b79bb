/**
 * Reads the `kubernetes-types` declaration files with the TypeScript compiler API and turns
 * every interface and type alias into a small model: properties, optionality, doc comments and
 * a structural type reference. Nothing here knows about OpenAPI.
 */
import path from 'node:path';
import ts from 'typescript';

/** A type as written in a property: primitives, arrays, string-keyed maps and named types. */
export type TypeRef =
  | { kind: 'string' | 'number' | 'boolean' }
  | { kind: 'intOrString' }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'named'; module: string; name: string };

export interface PropertyDecl {
  name: string;
  optional: boolean;
  description: string;
  type: TypeRef;
  /** The literal value of `apiVersion?: "apps/v1"` / `kind?: "Deployment"`, when declared. */
  literal?: string;
}

export interface TypeDecl {
  /** Module path inside kubernetes-types, e.g. `core/v1`, `meta/v1`, `api/resource`. */
  module: string;
  name: string;
  description: string;
  /** `interface` declarations have properties; `alias` ones (`Time = string`) have `aliasOf`. */
  properties?: PropertyDecl[];
  aliasOf?: TypeRef;
}

export function declKey(module: string, name: string): string {
  return `${module}#${name}`;
}

/** Loads the given modules (and everything they import) and returns every declaration by key. */
export function readDeclarations(typesRoot: string, modules: string[]): Map<string, TypeDecl> {
  const files = modules.map((m) => path.join(typesRoot, `${m}.d.ts`));
  const program = ts.createProgram(files, { noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const out = new Map<string, TypeDecl>();
  for (const sf of program.getSourceFiles()) {
    const module = moduleOf(typesRoot, sf.fileName);
    if (module === undefined) continue;
    for (const stmt of sf.statements) {
      const decl = readStatement(stmt, module, { checker, typesRoot });
      if (decl) out.set(declKey(module, decl.name), decl);
    }
  }
  return out;
}

interface Ctx {
  checker: ts.TypeChecker;
  typesRoot: string;
}

function moduleOf(typesRoot: string, fileName: string): string | undefined {
  const rel = path.relative(typesRoot, fileName);
  if (rel.startsWith('..') || !rel.endsWith('.d.ts')) return undefined;
  return rel.slice(0, -'.d.ts'.length).split(path.sep).join('/');
}

function readStatement(stmt: ts.Statement, module: string, ctx: Ctx): TypeDecl | undefined {
  if (ts.isInterfaceDeclaration(stmt)) {
    const properties: PropertyDecl[] = [];
    for (const member of stmt.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = propertyName(member.name);
      const prop: PropertyDecl = {
        name,
        optional: member.questionToken !== undefined,
        description: docOf(member),
        type: readType(member.type, ctx),
      };
      if (ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal)) {
        prop.literal = member.type.literal.text;
      }
      properties.push(prop);
    }
    return { module, name: stmt.name.text, description: docOf(stmt), properties };
  }
  if (ts.isTypeAliasDeclaration(stmt)) {
    return {
      module,
      name: stmt.name.text,
      description: docOf(stmt),
      aliasOf: readType(stmt.type, ctx),
    };
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`unsupported property name ${ts.SyntaxKind[name.kind]}`);
}

function readType(node: ts.TypeNode, ctx: Ctx): TypeRef {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
  }
  if (ts.isLiteralTypeNode(node)) {
    if (ts.isStringLiteral(node.literal)) return { kind: 'string' };
    if (
      node.literal.kind === ts.SyntaxKind.TrueKeyword ||
      node.literal.kind === ts.SyntaxKind.FalseKeyword
    ) {
      return { kind: 'boolean' };
    }
    return { kind: 'number' };
  }
  if (ts.isArrayTypeNode(node)) return { kind: 'array', items: readType(node.elementType, ctx) };
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    const intOrString = [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort();
    if (kinds.length === 2 && kinds[0] === intOrString[0] && kinds[1] === intOrString[1]) {
      return { kind: 'intOrString' };
    }
    throw new Error(`unsupported union type ${node.getText()}`);
  }
  if (ts.isTypeLiteralNode(node)) {
    const [member] = node.members;
    if (node.members.length === 1 && member && ts.isIndexSignatureDeclaration(member)) {
      return { kind: 'map', values: readType(member.type, ctx) };
    }
    throw new Error(`unsupported type literal ${node.getText()}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1 && node.typeArguments[0]) {
      return { kind: 'array', items: readType(node.typeArguments[0], ctx) };
    }
    return resolveNamed(node, ctx);
  }
  throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}`);
}

function resolveNamed(node: ts.TypeReferenceNode, ctx: Ctx): TypeRef {
  let symbol = ctx.checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const decl = symbol?.declarations?.[0];
  const module = decl ? moduleOf(ctx.typesRoot, decl.getSourceFile().fileName) : undefined;
  if (!symbol || module === undefined) throw new Error(`cannot resolve type ${node.getText()}`);
  return { kind: 'named', module, name: symbol.getName() };
}

/** The JSDoc text of a declaration, without the comment markers. */
function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs[docs.length - 1];
  if (!last) return '';
  return (ts.getTextOfJSDocComment(last.comment) ?? '').trim();
}
