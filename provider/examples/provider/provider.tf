terraform {
  required_providers {
    oscar = {
      source = "oscar-cdktf/oscar"
    }
  }
}

# Basic auth as the manager's admin. Every setting can also come from the environment
# (OSCAR_ENDPOINT, OSCAR_USERNAME, OSCAR_PASSWORD, OSCAR_TOKEN, ...).
provider "oscar" {
  endpoint = "https://oscar.example.org"
  username = "oscar"
  password = var.oscar_password
}

# Or an OIDC bearer token (AI4OS, EGI Check-in): services are then owned by the token's subject.
# provider "oscar" {
#   endpoint = "https://inference.cloud.ai4eosc.eu"
#   token    = var.oidc_token
# }

variable "oscar_password" {
  type      = string
  sensitive = true
}
