# An asynchronous service: an upload to cowsay/in starts a job, whose output goes to cowsay/out.
resource "oscar_service" "cowsay" {
  name   = "cowsay"
  image  = "ghcr.io/grycap/cowsay"
  script = file("${path.module}/cowsay.sh")
  memory = "512Mi"
  cpu    = "0.5"
  # Keep the service's token in the state, for the output below (off by default).
  keep_token = true

  input  = [{ storage_provider = "minio", path = "cowsay/in" }]
  output = [{ storage_provider = "minio", path = "cowsay/out", suffix = [".txt"] }]

  environment = {
    variables = { MESSAGE_PREFIX = "Moo" }
    secrets   = { API_KEY = var.api_key }
  }

  # Deleting the service deletes its buckets and their objects.
  lifecycle {
    prevent_destroy = true
  }
}

# A synchronous service (POST /run/plants) with one pod kept warm.
resource "oscar_service" "plants" {
  name        = "plants"
  image       = "ai4oshub/plants-classification"
  script      = file("${path.module}/plants.sh")
  memory      = "2Gi"
  cpu         = "1.0"
  log_level   = "CRITICAL"
  synchronous = { min_scale = 1, max_scale = 4 }
}

# An exposed service with a persistent volume.
resource "oscar_service" "notebook" {
  name   = "notebook"
  image  = "jupyter/base-notebook"
  script = "#!/bin/sh\nstart-notebook.sh --NotebookApp.base_url=/system/services/notebook/exposed/\n"
  expose = { api_port = [8888], rewrite_target = true, set_auth = true }
  volume = { size = "5Gi", mount_path = "/home/jovyan/work" }
}

output "cowsay_token" {
  value     = oscar_service.cowsay.token
  sensitive = true
}

variable "api_key" {
  type      = string
  sensitive = true
}
