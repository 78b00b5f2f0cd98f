data "oscar_cluster_info" "this" {}

# Refuse to plan GPU services on a cluster without GPUs.
resource "oscar_service" "detector" {
  name       = "detector"
  image      = "ghcr.io/example/detector:cuda"
  script     = file("${path.module}/detect.sh")
  enable_gpu = true

  lifecycle {
    precondition {
      condition     = data.oscar_cluster_info.this.gpu_available
      error_message = "The OSCAR cluster has no GPU nodes."
    }
  }
}
