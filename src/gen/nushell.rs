pub fn script(_m: &super::model::Model) -> String { String::new() }
