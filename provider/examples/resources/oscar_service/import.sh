# A service is imported by its name.
terraform import oscar_service.cowsay cowsay
