int placeholder_json_test;
