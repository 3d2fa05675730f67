#include "pelo/oauth2/pkce.h"

#include <gtest/gtest.h>

#include <set>

namespace pelo::oauth2 {
namespace {

// The verifier is RFC 7636 Appendix B's, in full (43 characters).
TEST(Pkce, ChallengeMatchesRfc7636AppendixB) {
  EXPECT_EQ(CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, MaterialHasDocumentedShapeAndIsFresh) {
  const PkceMaterial a = MakePkceMaterial();
  const PkceMaterial b = MakePkceMaterial();
  EXPECT_EQ(a.verifier.size(), 64u);
  EXPECT_EQ(a.state.size(), 32u);
  EXPECT_EQ(a.nonce.size(), 32u);
  EXPECT_EQ(a.challenge, CodeChallenge(a.verifier));
  EXPECT_EQ(a.challenge.find('='), std::string::npos);
  EXPECT_NE(a.verifier, b.verifier);
  EXPECT_NE(a.state, b.state);
  for (char c : a.verifier) {
    EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << c;
  }
}

}  // namespace
}  // namespace pelo::oauth2
