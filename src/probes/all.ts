// Every probe module, imported for its registration. Add one line per new probe module.
import './rm-tree.js';
import './git-worktree.js';
import './git-clean.js';
import './git-stash.js';
import './psql.js';
import './git-branch.js';
import './git-push.js';
import './fs-tree.js';
import './terraform-plan.js';
import './kube-objects.js';
import './kube-namespace.js';
import './kube-node.js';
import './s3-objects.js';
import './fs-size.js';
import './git-history.js';
import './aws-describe.js';
