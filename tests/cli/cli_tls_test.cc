// https is always verified: against a real TLS server on 127.0.0.1 with a self-signed
// certificate (made here with OpenSSL), pelo refuses the server until `--ca-file` names that
// certificate, and even then refuses one issued for another host name.
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli_env.h"

namespace pelo::testing {
namespace {

// Writes a self-signed P-256 certificate for `san` ("IP:127.0.0.1", "DNS:example.com") that
// may act as its own CA, and its key, as PEM files.
bool WriteSelfSignedCertificate(const std::string& san, const std::string& cert_path,
                                const std::string& key_path) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  if (!key || !cert) return false;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("pelo test"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : {std::pair<int, std::string>{NID_subject_alt_name, san},
                                   {NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (ext == nullptr) return false;
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return false;
  FILE* c = std::fopen(cert_path.c_str(), "w");
  FILE* k = std::fopen(key_path.c_str(), "w");
  const bool written =
      c != nullptr && k != nullptr && PEM_write_X509(c, cert.get()) == 1 &&
      PEM_write_PrivateKey(k, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  if (c != nullptr) std::fclose(c);
  if (k != nullptr) std::fclose(k);
  return written;
}

// An https server on 127.0.0.1 answering GET /api/me, stopped and joined on scope exit.
class TlsServer {
 public:
  TlsServer(const std::string& cert_path, const std::string& key_path)
      : server_(cert_path.c_str(), key_path.c_str()) {
    server_.Get("/api/me", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"id": "tls-user-id", "username": "tls_rider"})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 5000 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~TlsServer() {
    server_.stop();
    thread_.join();
  }
  TlsServer(const TlsServer&) = delete;
  TlsServer& operator=(const TlsServer&) = delete;

  bool valid() { return server_.is_valid() && port_ > 0; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

// `pelo [--ca-file CA] login --method token` against `url`: the login checks the token with
// GET /api/me, so it succeeds only when the TLS handshake is trusted.
ProcessResult TokenLogin(const CliEnv& env, const std::string& ca_file) {
  std::vector<std::string> args = {"login", "--method", "token"};
  if (!ca_file.empty()) args.insert(args.begin(), {"--ca-file", ca_file});
  return env.Pelo(args, {{"PELOTON_TOKEN", "eyJ.tls-test.token"}});
}

// The sandbox outlives the server: its threads are joined before the sandbox's files go, so
// that no descriptor the server's threads used (through OpenSSL) is reused while they run.
TEST(CliTls, ASelfSignedServerIsRefusedUntilCaFileTrustsIt) {
  TempDir dir;
  ASSERT_TRUE(WriteSelfSignedCertificate("IP:127.0.0.1", dir / "cert.pem", dir / "key.pem"));
  std::unique_ptr<CliEnv> sandbox;
  TlsServer server(dir / "cert.pem", dir / "key.pem");
  ASSERT_TRUE(server.valid());
  sandbox = std::make_unique<CliEnv>(server.url());
  const CliEnv& env = *sandbox;

  auto untrusted = TokenLogin(env, "");
  EXPECT_EQ(untrusted.exit_code, 4) << untrusted.err;
  EXPECT_NE(untrusted.err.find("certificate"), std::string::npos) << untrusted.err;

  auto trusted = TokenLogin(env, dir / "cert.pem");
  EXPECT_EQ(trusted.exit_code, 0) << trusted.err;
  EXPECT_NE(trusted.out.find("Logged in as tls_rider"), std::string::npos) << trusted.out;
}

TEST(CliTls, ATrustedCertificateForAnotherHostIsStillRefused) {
  TempDir dir;
  ASSERT_TRUE(WriteSelfSignedCertificate("DNS:api.example.com", dir / "cert.pem", dir / "key.pem"));
  std::unique_ptr<CliEnv> sandbox;  // destroyed after the server, as above
  TlsServer server(dir / "cert.pem", dir / "key.pem");
  ASSERT_TRUE(server.valid());
  sandbox = std::make_unique<CliEnv>(server.url());
  auto r = TokenLogin(*sandbox, dir / "cert.pem");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pelo::testing
