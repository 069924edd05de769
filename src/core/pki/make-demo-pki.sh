#!/usr/bin/env bash
# make-demo-pki.sh: the demo PKI that tlssim's simulated server presents.
#
# DEMO ONLY - NOT FOR PRODUCTION.  The private keys below are published in
# the source tree on purpose (anyone can read them), so nothing signed by
# this CA may ever be trusted outside the simulator.
#
# Usage:
#   make-demo-pki.sh                  new keys and certificates, then embed
#   make-demo-pki.sh --client         a new client certificate and key from
#                                     the existing CA, then embed (the CA and
#                                     server files stay as they are)
#   make-demo-pki.sh --embed-only     keep the PEM files, rewrite demo_pki.c
#   make-demo-pki.sh --print-embed    print the would-be demo_pki.c to stdout
#   make-demo-pki.sh --check          exit 1 when demo_pki.c differs from the
#                                     PEM files (run by the test suite)
#
# Needs bash and, only for generation, the openssl command (3.0 or later).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
c_file="$here/../demo_pki.c"
host="www.example.test"
ca_cn="tlssim Demo Root CA (DEMO ONLY - NOT FOR PRODUCTION)"
client_cn="tlssim demo client (DEMO ONLY - NOT FOR PRODUCTION)"
# Fixed validity (GeneralizedTime) so regenerated files read the same dates.
not_before="20250101000000Z"
not_after="20451231235959Z"

die() { echo "make-demo-pki.sh: $*" >&2; exit 1; }

# The text placed before the BEGIN line of every PEM file.  PEM readers
# (OpenSSL's and mbedTLS's) skip anything before "-----BEGIN".
pem_banner() {
    printf '%s\n' \
        "# tlssim demo PKI: $1" \
        "# DEMO ONLY - NOT FOR PRODUCTION.  This key material is public (it is" \
        "# in the tlssim source tree); never trust it anywhere else." \
        "# Made by src/core/pki/make-demo-pki.sh."
}

# openssl ca needs a small working directory: database, serial, config.
write_ca_config() {
    local dir=$1
    : > "$dir/index.txt"
    cat > "$dir/ca.cnf" <<CNF
[ ca ]
default_ca = demo_ca

[ demo_ca ]
dir             = $dir
database        = \$dir/index.txt
new_certs_dir   = \$dir
serial          = \$dir/serial
default_md      = sha256
policy          = any_policy
unique_subject  = no
copy_extensions = none
email_in_dn     = no

[ any_policy ]
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt             = no

[ req_dn ]
CN = placeholder

[ v3_ca ]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_server ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:$host
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_client ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
CNF
}

# Random positive serial numbers, as CAs are expected to use.
new_serial() { openssl rand -hex 16 | sed 's/^./4/' > "$1/serial"; }

generate() {
    command -v openssl > /dev/null || die "the openssl command is needed"
    local work
    work=$(mktemp -d)
    # shellcheck disable=SC2064  # expand $work now: it is local
    trap "rm -rf '$work'" EXIT
    write_ca_config "$work"
    local ca=(openssl ca -batch -config "$work/ca.cnf" -notext
              -startdate "$not_before" -enddate "$not_after")

    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
        -out "$work/ca.key"
    openssl req -new -config "$work/ca.cnf" -key "$work/ca.key" \
        -subj "/CN=$ca_cn" -out "$work/ca.csr"
    new_serial "$work"
    "${ca[@]}" -selfsign -keyfile "$work/ca.key" -extensions v3_ca \
        -in "$work/ca.csr" -out "$work/ca.crt" 2> "$work/log" \
        || { cat "$work/log" >&2; die "signing the CA failed"; }

    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
        -out "$work/server.key"
    openssl req -new -config "$work/ca.cnf" -key "$work/server.key" \
        -subj "/CN=$host" -out "$work/server.csr"
    new_serial "$work"
    "${ca[@]}" -cert "$work/ca.crt" -keyfile "$work/ca.key" \
        -extensions v3_server -in "$work/server.csr" -out "$work/server.crt" \
        2> "$work/log" || { cat "$work/log" >&2; die "signing the server failed"; }

    openssl verify -CAfile "$work/ca.crt" "$work/server.crt" > /dev/null \
        || die "the new chain does not verify"
    { pem_banner "root CA certificate ($ca_cn)"; cat "$work/ca.crt"; } > "$here/ca.crt.pem"
    { pem_banner "root CA private key"; cat "$work/ca.key"; } > "$here/ca.key.pem"
    { pem_banner "server certificate for $host"; cat "$work/server.crt"; } > "$here/server.crt.pem"
    { pem_banner "server private key for $host"; cat "$work/server.key"; } > "$here/server.key.pem"
    issue_client "$work" "${ca[@]}"
}

# The demo client's certificate (RSA-2048, clientAuth), issued by the CA in
# \$here: what the in-process client presents when the server asks.
issue_client() {
    local work=$1
    shift
    local ca=("$@")
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
        -out "$work/client.key"
    openssl req -new -config "$work/ca.cnf" -key "$work/client.key" \
        -subj "/CN=$client_cn" -out "$work/client.csr"
    new_serial "$work"
    "${ca[@]}" -cert "$here/ca.crt.pem" -keyfile "$here/ca.key.pem" \
        -extensions v3_client -in "$work/client.csr" -out "$work/client.crt" \
        2> "$work/log" || { cat "$work/log" >&2; die "signing the client failed"; }
    openssl verify -CAfile "$here/ca.crt.pem" "$work/client.crt" > /dev/null \
        || die "the new client certificate does not verify"
    { pem_banner "client certificate ($client_cn)"; cat "$work/client.crt"; } > "$here/client.crt.pem"
    { pem_banner "client private key"; cat "$work/client.key"; } > "$here/client.key.pem"
}

# A working directory and the openssl ca command line for it.
generate_client() {
    command -v openssl > /dev/null || die "the openssl command is needed"
    local work
    work=$(mktemp -d)
    # shellcheck disable=SC2064  # expand $work now: it is local
    trap "rm -rf '$work'" EXIT
    write_ca_config "$work"
    issue_client "$work" openssl ca -batch -config "$work/ca.cnf" -notext \
        -startdate "$not_before" -enddate "$not_after"
}

# One PEM file as a C string literal, a line per source line.  The banner
# and base64 contain no quote or backslash; refuse a file that does.
c_literal() {
    local file=$1 line
    [[ -r $file ]] || die "missing $file (run without options to generate it)"
    if grep -q '["\\]' "$file"; then
        die "$file contains a quote or backslash"
    fi
    while IFS= read -r line; do
        printf '    "%s\\n"\n' "$line"
    done < "$file"
}

print_embed() {
    cat <<'HEAD'
/*
 * demo_pki.c: the demo PKI embedded as C strings (see include/tlssim/pki.h).
 *
 * GENERATED by src/core/pki/make-demo-pki.sh from the PEM files in
 * src/core/pki/; do not edit by hand (run "make-demo-pki.sh --embed-only").
 *
 * DEMO ONLY - NOT FOR PRODUCTION: these keys are public.
 */
#include "tlssim/pki.h"

HEAD
    printf 'const char tls_demo_ca_pem[] =\n'
    c_literal "$here/ca.crt.pem"
    printf '    ;\n\nconst char tls_demo_server_cert_pem[] =\n'
    c_literal "$here/server.crt.pem"
    printf '    ;\n\nconst char tls_demo_server_key_pem[] =\n'
    c_literal "$here/server.key.pem"
    printf '    ;\n\nconst char tls_demo_client_cert_pem[] =\n'
    c_literal "$here/client.crt.pem"
    printf '    ;\n\nconst char tls_demo_client_key_pem[] =\n'
    c_literal "$here/client.key.pem"
    printf '    ;\n'
}

embed() {
    local tmp="$c_file.tmp.$$"
    print_embed > "$tmp"
    mv "$tmp" "$c_file"
}

case "${1:-}" in
    "") generate; embed ;;
    --client) generate_client; embed ;;
    --embed-only) embed ;;
    --print-embed) print_embed ;;
    --check)
        print_embed | cmp -s - "$c_file" \
            || die "src/core/demo_pki.c is stale: run make-demo-pki.sh --embed-only"
        ;;
    *) die "unknown option $1 (see the comment at the top)" ;;
esac
