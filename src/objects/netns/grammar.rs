//! The grammar of `netns`, in iproute2's order of tests.

use crate::cli::grammar::{p, Command, Object, Value, Keyword};
use crate::objects::netns;

const NAME: &[Keyword] = &[Keyword { names: &[], value: Value::Netns, meta: "NAME", help: "The namespace's name under /run/netns.", supported: true }];

pub const OBJECT: Object = Object {
    name: "netns",
    default: Some(netns::list),
    dispatch: None,
    commands: &[
        Command { names: &[p("list"), p("show"), p("lst")], run: netns::list, synopsis: "list", help: "List the named network namespaces.", keywords: &[], supported: true },
        Command { names: &[p("add")], run: netns::add, synopsis: "add NAME", help: "Create a network namespace and name it.", keywords: NAME, supported: true },
        Command { names: &[p("delete")], run: netns::delete, synopsis: "delete NAME", help: "Remove a namespace's name (it lives on while in use).", keywords: NAME, supported: true },
        Command { names: &[p("exec")], run: netns::exec, synopsis: "exec NAME COMMAND [ARG…]", help: "Run a command inside a named namespace.", keywords: NAME, supported: true },
        Command { names: &[p("attach")], run: netns::attach, synopsis: "attach NAME PID", help: "Name the network namespace of process PID.", keywords: NAME, supported: true },
    ],
    help: "Named network namespaces.",
    about: "A named namespace is a file under /run/netns onto which the namespace is bind-mounted; `-n NAME` runs any command inside it.",
};
