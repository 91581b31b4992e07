//! The grammar of `netns`, in iproute2's order of tests.

use crate::cli::grammar::{p, x, Command, Object, Value, Keyword};
use crate::objects::netns;

const NAME: &[Keyword] = &[Keyword { names: &[], value: Value::Netns, meta: "NAME", help: "The namespace's name under /run/netns.", supported: true }];

const PID: &[Keyword] = &[Keyword { names: &[], value: Value::Number, meta: "PID", help: "A process id (this process without one).", supported: true }];

const LIST_ID: &[Keyword] = &[
    Keyword { names: &[x("target-nsid")], value: Value::Number, meta: "ID", help: "List the ids the namespace with this id (here) has for its peers.", supported: true },
    Keyword { names: &[x("nsid")], value: Value::Number, meta: "ID", help: "Only this id.", supported: true },
];

pub const OBJECT: Object = Object {
    name: "netns",
    default: Some(netns::list),
    dispatch: None,
    commands: &[
        Command { names: &[p("list"), p("show"), p("lst")], run: netns::list, synopsis: "list", help: "List the named network namespaces.", keywords: &[], supported: true },
        Command { names: &[p("list-id")], run: netns::nsid::list_id, synopsis: "list-id [target-nsid ID] [nsid ID]", help: "List the ids this namespace (or the one of target-nsid) has for its peers, with their names.", keywords: LIST_ID, supported: true },
        Command { names: &[p("add")], run: netns::add, synopsis: "add NAME", help: "Create a network namespace and name it.", keywords: NAME, supported: true },
        Command { names: &[p("set")], run: netns::nsid::set, synopsis: "set NAME { ID | auto }", help: "Give a named namespace an id here (auto: the kernel picks it).", keywords: NAME, supported: true },
        Command { names: &[p("delete")], run: netns::delete, synopsis: "delete NAME", help: "Remove a namespace's name (it lives on while in use).", keywords: NAME, supported: true },
        Command { names: &[p("identify")], run: netns::identify::identify, synopsis: "identify [PID]", help: "Print the name of the namespace of process PID (without PID: of the caller).", keywords: PID, supported: true },
        Command { names: &[p("pids")], run: netns::identify::pids, synopsis: "pids NAME", help: "Print the processes in a named namespace.", keywords: NAME, supported: true },
        Command { names: &[p("exec")], run: netns::exec, synopsis: "exec NAME COMMAND [ARG…]", help: "Run a command inside a named namespace.", keywords: NAME, supported: true },
        Command { names: &[p("monitor")], run: netns::identify::monitor, synopsis: "monitor", help: "Print each name added to or removed from /run/netns, until killed.", keywords: &[], supported: true },
        Command { names: &[p("attach")], run: netns::attach, synopsis: "attach NAME PID", help: "Name the network namespace of process PID.", keywords: NAME, supported: true },
    ],
    help: "Named network namespaces.",
    about: "A named namespace is a file under /run/netns onto which the namespace is bind-mounted; `-n NAME` runs any command inside it.",
};
