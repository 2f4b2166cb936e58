import { SynapseDefinitionError } from '../errors/local-errors';
import { InvalidRequestNameError, UnknownSynapseError } from '../errors/request-errors';
import { BaseSynapse } from '../synapse/builtins';
import type { FieldShape } from '../synapse/py-type';
import type { SynapseDefinition } from '../synapse/synapse-definition';

function percentDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    // uvicorn leaves malformed escapes as they are; so do we (the name then simply matches nothing).
    if (error instanceof URIError) {
      return segment;
    }
    throw error;
  }
}

/**
 * The request name as the Python axon takes it: `request.url.path.split("/")[1]` of the percent-decoded path
 * (query string excluded). Throws {@link InvalidRequestNameError} when there is no such segment.
 */
export function requestNameFromPath(path: string): string {
  const withoutQuery = path.split('?', 1)[0] ?? '';
  const segments = withoutQuery.split('/');
  const name = segments[1];
  if (name === undefined) {
    throw new InvalidRequestNameError(path);
  }
  return percentDecode(name);
}

/**
 * The synapse classes an axon serves, in attach order. Like the Python axon it always serves the base
 * `Synapse` (the built-in ping) first.
 */
export class SynapseRegistry {
  private readonly byName = new Map<string, SynapseDefinition<FieldShape>>();

  constructor(definitions: readonly SynapseDefinition<FieldShape>[] = []) {
    this.register(BaseSynapse);
    for (const definition of definitions) {
      this.register(definition);
    }
  }

  /** Adds a synapse class; a second class with the same name is a {@link SynapseDefinitionError}. */
  register(definition: SynapseDefinition<FieldShape>): this {
    if (this.byName.has(definition.name)) {
      throw new SynapseDefinitionError(`Synapse '${definition.name}' is already registered`);
    }
    this.byName.set(definition.name, definition);
    return this;
  }

  /** Registered class names in attach order. */
  get names(): readonly string[] {
    return [...this.byName.keys()];
  }

  /** The class for a name, or undefined. */
  get(name: string): SynapseDefinition<FieldShape> | undefined {
    return this.byName.get(name);
  }

  /** Resolves a request path; throws {@link InvalidRequestNameError} (400) or {@link UnknownSynapseError} (404). */
  resolvePath(path: string): SynapseDefinition<FieldShape> {
    const name = requestNameFromPath(path);
    const definition = this.byName.get(name);
    if (definition === undefined) {
      throw new UnknownSynapseError(name, this.names);
    }
    return definition;
  }
}
