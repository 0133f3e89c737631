// OpenSSL's libcrypto from Debian's libssl-dev: the EVP digest interface (SHA-256).
#include <openssl/evp.h>
