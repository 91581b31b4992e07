pub fn page_for(_o: Option<&str>) -> Option<String> { None }
