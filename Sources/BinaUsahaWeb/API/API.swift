/// Namespace for request and response bodies of `/api/v1`.
enum API {}
