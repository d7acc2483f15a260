// What `airlock init` found in a project: the shapes detection returns and the config and
// report are built from. Paths are relative to the project root.

export interface Source {
  file: string;
  line?: number;
  /** The environment the surrounding text suggests (`.env.production`, `overlays/prod`, `deploy-prod:`). */
  context?: 'prod' | 'staging' | 'dev' | 'local';
}

export interface Named {
  name: string;
  source: Source;
}

export interface TerraformBackend {
  type: string;
  source: Source;
  bucket?: string;
  key?: string;
  prefix?: string;
  organization?: string;
  workspaces: string[];
}

export interface TerraformRoot {
  dir: string;
  backends: TerraformBackend[];
  workspaces: Named[];
  /** Local state files (terraform.tfstate, terraform.tfstate.d/<ws>/terraform.tfstate). */
  stateFiles: string[];
}

export interface DatabaseUrl {
  variable: string;
  scheme: string;
  host?: string;
  database?: string;
  source: Source;
}

export interface Detection {
  root: string;
  terraform: TerraformRoot[];
  kubernetes: {
    manifests: string[];
    kustomizations: string[];
    overlays: Named[];
    charts: string[];
    contexts: Named[];
  };
  databases: { migrations: string[]; sqlFiles: string[]; urls: DatabaseUrl[] };
  docker: { dockerfiles: string[]; compose: string[] };
  scripts: {
    packageJson: { file: string; scripts: string[] }[];
    makefiles: { file: string; targets: string[] }[];
  };
}
