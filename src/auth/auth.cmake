# fw_auth: tokens and request authentication over the store.
add_library(fw_auth token_service.cc authenticator.cc)
target_link_libraries(fw_auth PUBLIC fw_auth_signing fw_store fw_crypto)
