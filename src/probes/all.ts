// Every probe module, imported for its registration. Add one line per new probe module.
import './psql.js';
import './terraform-plan.js';
import './kube-objects.js';
import './kube-namespace.js';
import './kube-node.js';
import './s3-objects.js';
