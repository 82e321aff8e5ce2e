// Package sign creates the office's signing identities and signs and verifies
// PDF documents with them, working on plain bytes only (no storage, no UI).
//
// The office root ("sertifikat induk kantor") is a self-signed ECDSA P-256
// certificate that issues one certificate per signer. A signer's private key
// is kept sealed under the signer's passphrase (argon2id + AES-256-GCM).
// Signatures are PKCS#7 detached (adbe.pkcs7.detached) inside the PDF, made
// offline without a timestamp server; verification trusts only the roots it is
// given and judges certificate validity at the signing time recorded in the
// signature, so a document stays valid after its certificate expires.
// Signatures made with these certificates are "tidak tersertifikasi" in the
// sense of UU ITE: they are not BSrE signatures.
package sign
